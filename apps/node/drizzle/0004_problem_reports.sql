CREATE TABLE `problem_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`service_id` text NOT NULL,
	`kind` text NOT NULL,
	`details` text NOT NULL,
	`reply_to` text,
	`received_at` text NOT NULL,
	`delivered_at` text NOT NULL,
	`resolved_at` text,
	`resolved_by` text
);
--> statement-breakpoint
CREATE INDEX `problem_reports_open` ON `problem_reports` (`resolved_at`,`received_at`,`id`);--> statement-breakpoint
CREATE TABLE `review_digests` (
	`week` text PRIMARY KEY NOT NULL,
	`sent_at` text NOT NULL,
	`listings` text NOT NULL
);
