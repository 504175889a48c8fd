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
ALTER TABLE `nodes` ADD `withheld_since` integer;--> statement-breakpoint
-- Nodes stranded by a refused descriptor before self-healing (protocol §7.5) retry again.
UPDATE `nodes` SET `health` = 'failing', `next_attempt_at` = 0 WHERE `health` = 'needs-attention' AND `last_error_code` IN ('KEY_ROTATION_UNAUTHORISED', 'UNKNOWN_KID', 'KEY_REVOKED', 'DESCRIPTOR_REPLAYED');
