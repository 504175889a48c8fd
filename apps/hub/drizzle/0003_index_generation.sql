CREATE TABLE `index_generation` (
	`id` integer PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
-- Search totals are remembered per generation: every row change to the searchable tables bumps it.
INSERT INTO `index_generation` (`id`, `value`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `innovations_insert_generation` AFTER INSERT ON `innovations` BEGIN
  UPDATE `index_generation` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `innovations_update_generation` AFTER UPDATE ON `innovations` BEGIN
  UPDATE `index_generation` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `innovations_delete_generation` AFTER DELETE ON `innovations` BEGIN
  UPDATE `index_generation` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `services_insert_generation` AFTER INSERT ON `services` BEGIN
  UPDATE `index_generation` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `services_update_generation` AFTER UPDATE ON `services` BEGIN
  UPDATE `index_generation` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `services_delete_generation` AFTER DELETE ON `services` BEGIN
  UPDATE `index_generation` SET `value` = `value` + 1 WHERE `id` = 1;
END;
