CREATE TABLE `adoptions` (
	`id` text PRIMARY KEY NOT NULL,
	`piece_key` text NOT NULL,
	`data` text NOT NULL,
	`rev` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `adoptions_piece_key_unique` ON `adoptions` (`piece_key`);