CREATE TABLE `relayed_nodes` (
	`node_id` integer PRIMARY KEY NOT NULL,
	`upstream_id` integer NOT NULL,
	`enrolled_at` integer NOT NULL,
	`membership_jws` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `relayed_nodes_upstream` ON `relayed_nodes` (`upstream_id`);--> statement-breakpoint
CREATE TABLE `upstreams` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`url` text NOT NULL,
	`keys` text NOT NULL,
	`state` text DEFAULT 'active' NOT NULL,
	`health` text DEFAULT 'pending' NOT NULL,
	`cursor_seq` integer DEFAULT 0 NOT NULL,
	`head_iat` integer DEFAULT 0 NOT NULL,
	`skipped` text NOT NULL,
	`last_success_at` integer,
	`last_attempt_at` integer,
	`last_error_code` text,
	`last_error_message` text,
	`last_error_at` integer,
	`consecutive_failures` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer DEFAULT 0 NOT NULL,
	`circuit_open_until` integer DEFAULT 0 NOT NULL,
	`added_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `upstreams_url_unique` ON `upstreams` (`url`);