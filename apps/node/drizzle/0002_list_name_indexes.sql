-- Written by hand: drizzle-kit 0.31 splits an expression index at its commas.
CREATE INDEX `organisations_name_idx` ON `organisations` (lower(json_extract(`data`, '$.name')),`id`);--> statement-breakpoint
CREATE INDEX `services_name_idx` ON `services` (lower(json_extract(`data`, '$.name')),`id`);
