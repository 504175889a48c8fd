CREATE TABLE `p52_decisions` (
	`seq` integer PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`event` text NOT NULL,
	`by` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `p52_pieces` (
	`piece` text PRIMARY KEY NOT NULL,
	`node_id` integer NOT NULL,
	`partner_id` text NOT NULL,
	`record_id` text NOT NULL,
	`submitted_at` text NOT NULL,
	`withdrawn_at` text
);
--> statement-breakpoint
CREATE INDEX `p52_pieces_record` ON `p52_pieces` (`node_id`,`record_id`);--> statement-breakpoint
CREATE TABLE `p52_send_ledger` (
	`week` text NOT NULL,
	`subscriber_id` text NOT NULL,
	`state` text NOT NULL,
	`message_id` text NOT NULL,
	`attempts` integer NOT NULL,
	`updated_at` text NOT NULL,
	`response` text,
	`error` text,
	PRIMARY KEY(`week`, `subscriber_id`)
);
--> statement-breakpoint
CREATE TABLE `p52_subscribers` (
	`id` text PRIMARY KEY NOT NULL,
	`address` text NOT NULL,
	`state` text NOT NULL,
	`subscribed_at` text NOT NULL,
	`confirmed_at` text,
	`unsubscribed_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `p52_subscribers_address_unique` ON `p52_subscribers` (`address`);--> statement-breakpoint
CREATE INDEX `p52_subscribers_state` ON `p52_subscribers` (`state`,`id`);--> statement-breakpoint
CREATE TABLE `p52_week_sends` (
	`week` text PRIMARY KEY NOT NULL,
	`piece` text NOT NULL,
	`bulletin` text NOT NULL,
	`started_at` text,
	`finished_at` text,
	`report` text
);
--> statement-breakpoint
ALTER TABLE `innovations` ADD `summary` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `innovations` ADD `submitted_at` text;--> statement-breakpoint
ALTER TABLE `services` ADD `phones` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `services` ADD `schedules` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `services` ADD `min_age` integer;--> statement-breakpoint
ALTER TABLE `services` ADD `max_age` integer;--> statement-breakpoint
ALTER TABLE `services` ADD `assured_at` text;--> statement-breakpoint
ALTER TABLE `services` ADD `review_due` text;--> statement-breakpoint
UPDATE `innovations` SET `summary` = coalesce((SELECT `summary` FROM `innovation_fts` WHERE `innovation_fts`.`rowid` = `innovations`.`rowid`), '');