ALTER TABLE `services` ADD `time_zone` text;--> statement-breakpoint
ALTER TABLE `services` ADD `places` text DEFAULT '[]' NOT NULL;