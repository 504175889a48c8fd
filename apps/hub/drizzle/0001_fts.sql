-- Full-text indexes (FTS5). Their rowid is the rowid of `innovations` / `services`.
-- drizzle-kit cannot describe virtual tables, hence this hand-written migration.
CREATE VIRTUAL TABLE `innovation_fts` USING fts5(title, summary, body, tokenize = 'porter unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE VIRTUAL TABLE `service_fts` USING fts5(name, description, areas, tokenize = 'porter unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `innovation_fts` (`innovation_fts`, `rank`) VALUES ('rank', 'bm25(10.0, 4.0, 1.0)');
--> statement-breakpoint
INSERT INTO `service_fts` (`service_fts`, `rank`) VALUES ('rank', 'bm25(10.0, 3.0, 2.0)');
