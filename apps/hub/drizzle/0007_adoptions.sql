CREATE TABLE `adoptions` (
	`node_id` integer NOT NULL,
	`record_id` text NOT NULL,
	`hub_seq` integer NOT NULL,
	`partner_id` text NOT NULL,
	`piece_partner_id` text NOT NULL,
	`piece_record_id` text NOT NULL,
	`piece_hash` text NOT NULL,
	`stage` text NOT NULL,
	`date` text NOT NULL,
	`first_date` text NOT NULL,
	`note` text NOT NULL,
	`contact_role` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `adoptions_record` ON `adoptions` (`node_id`,`record_id`);--> statement-breakpoint
CREATE INDEX `adoptions_piece` ON `adoptions` (`piece_partner_id`,`piece_record_id`);