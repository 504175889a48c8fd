CREATE TABLE `admin_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `admin_tokens_token_hash_unique` ON `admin_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `counters` (
	`name` text PRIMARY KEY NOT NULL,
	`value` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `hub_keys` (
	`kid` text PRIMARY KEY NOT NULL,
	`private_jwk` text NOT NULL,
	`public_jwk` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `seen_pings` (
	`jti` text PRIMARY KEY NOT NULL,
	`node_id` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `entries` (
	`hub_seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`node_id` integer NOT NULL,
	`seq` integer,
	`hash` text NOT NULL,
	`record_type` text NOT NULL,
	`record_id` text NOT NULL,
	`rev` integer NOT NULL,
	`jws` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `entries_node_seq` ON `entries` (`node_id`,`seq`);--> statement-breakpoint
CREATE INDEX `entries_record` ON `entries` (`node_id`,`record_type`,`record_id`);--> statement-breakpoint
CREATE TABLE `quarantine` (
	`hub_seq` integer PRIMARY KEY NOT NULL,
	`node_id` integer NOT NULL,
	`schema_version` text NOT NULL,
	`reason_code` text NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `quarantine_node` ON `quarantine` (`node_id`);--> statement-breakpoint
CREATE TABLE `memberships` (
	`node_id` integer PRIMARY KEY NOT NULL,
	`jws` text NOT NULL,
	`issued_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `nodes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`url` text NOT NULL,
	`partner_id` text NOT NULL,
	`name` text NOT NULL,
	`country` text,
	`partner` text NOT NULL,
	`feed_url` text NOT NULL,
	`schema_version` text NOT NULL,
	`state` text DEFAULT 'active' NOT NULL,
	`health` text DEFAULT 'pending' NOT NULL,
	`descriptor_jws` text NOT NULL,
	`chain` text NOT NULL,
	`cursor_seq` integer DEFAULT 0 NOT NULL,
	`head_seq` integer DEFAULT 0 NOT NULL,
	`last_success_at` integer,
	`last_attempt_at` integer,
	`last_error_code` text,
	`last_error_message` text,
	`last_error_at` integer,
	`consecutive_failures` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer DEFAULT 0 NOT NULL,
	`circuit_open_until` integer DEFAULT 0 NOT NULL,
	`enrolled_at` integer NOT NULL,
	`removed_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `nodes_url_unique` ON `nodes` (`url`);--> statement-breakpoint
CREATE UNIQUE INDEX `nodes_partner_id_unique` ON `nodes` (`partner_id`);--> statement-breakpoint
CREATE TABLE `directory` (
	`node_id` integer NOT NULL,
	`record_type` text NOT NULL,
	`record_id` text NOT NULL,
	`hub_seq` integer NOT NULL,
	`name` text NOT NULL,
	PRIMARY KEY(`node_id`, `record_type`, `record_id`)
);
--> statement-breakpoint
CREATE TABLE `innovations` (
	`rowid` integer PRIMARY KEY NOT NULL,
	`node_id` integer NOT NULL,
	`record_id` text NOT NULL,
	`hub_seq` integer NOT NULL,
	`partner_id` text NOT NULL,
	`title` text NOT NULL,
	`kind` text,
	`country` text,
	`year` integer,
	`evidence_level` text,
	`status` text,
	`themes` text DEFAULT '[]' NOT NULL,
	`published_at` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `innovations_record` ON `innovations` (`node_id`,`record_id`);--> statement-breakpoint
CREATE INDEX `innovations_order` ON `innovations` (`updated_at`,`partner_id`,`record_id`);--> statement-breakpoint
CREATE TABLE `services` (
	`rowid` integer PRIMARY KEY NOT NULL,
	`node_id` integer NOT NULL,
	`record_id` text NOT NULL,
	`hub_seq` integer NOT NULL,
	`partner_id` text NOT NULL,
	`organisation_id` text,
	`name` text NOT NULL,
	`status` text,
	`urgency` text,
	`available_24x7` integer,
	`categories` text DEFAULT '[]' NOT NULL,
	`referral_routes` text DEFAULT '[]' NOT NULL,
	`areas` text DEFAULT '[]' NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `services_record` ON `services` (`node_id`,`record_id`);--> statement-breakpoint
CREATE INDEX `services_updated` ON `services` (`updated_at`);