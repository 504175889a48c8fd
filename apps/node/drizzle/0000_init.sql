CREATE TABLE `api_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`revoked_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_token_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `feed_records` (
	`seq` integer PRIMARY KEY NOT NULL,
	`record_type` text NOT NULL,
	`record_id` text NOT NULL,
	`rev` integer NOT NULL,
	`jws` text NOT NULL,
	`hash` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feed_records_hash_unique` ON `feed_records` (`hash`);--> statement-breakpoint
CREATE INDEX `feed_records_record_idx` ON `feed_records` (`record_type`,`record_id`);--> statement-breakpoint
CREATE TABLE `innovations` (
	`id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`data` text NOT NULL,
	`rev` integer NOT NULL,
	`published_rev` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE TABLE `personal_data_confirmations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`innovation_id` text NOT NULL,
	`rev` integer NOT NULL,
	`token_id` text NOT NULL,
	`findings` text NOT NULL,
	`confirmed_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`data` text NOT NULL,
	`rev` integer NOT NULL,
	`published_rev` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE TABLE `partner_profile` (
	`id` text PRIMARY KEY NOT NULL,
	`data` text NOT NULL,
	`rev` integer NOT NULL,
	`published_rev` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `services` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`data` text NOT NULL,
	`rev` integer NOT NULL,
	`published_rev` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE INDEX `services_organisation_idx` ON `services` (`organisation_id`);