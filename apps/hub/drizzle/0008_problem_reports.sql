CREATE TABLE `problem_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`node_id` integer NOT NULL,
	`partner_id` text NOT NULL,
	`service_id` text NOT NULL,
	`kind` text NOT NULL,
	`details` text NOT NULL,
	`reply_to` text,
	`received_at` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text
);
--> statement-breakpoint
CREATE INDEX `problem_reports_due` ON `problem_reports` (`next_attempt_at`,`id`);