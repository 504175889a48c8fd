CREATE TABLE `pending_enrolments` (
	`partner_id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`url` text NOT NULL,
	`name` text NOT NULL,
	`country` text,
	`partner` text NOT NULL,
	`feed_url` text NOT NULL,
	`schema_version` text NOT NULL,
	`descriptor_jws` text NOT NULL,
	`keys` text NOT NULL,
	`signer_kid` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `nodes` ADD `withheld_since` integer;