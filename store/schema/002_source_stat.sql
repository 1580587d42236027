-- jixiao batch store, schema version 2: what each path's file looked like when it was last read.
--
-- A re-run skips a path without opening it when its file's size, mtime, ctime and inode are those
-- stored here, the stat is not "racy", and the document it points to was audited with the current
-- jixiao build id and rules version (docs/batch.md, "Re-runs"). Any other path is read and hashed
-- as in version 1. The stat is taken from the open file before its bytes are hashed, so what is
-- stored here always describes content no newer than the document's hash.
--
-- Racy: a file written within one timestamp tick after the stat could keep the same mtime and
-- ctime. A row whose mtime or ctime is not older than stat_at_ns minus a margin (3 s: coarser than
-- any local file system's timestamps, FAT's 2 s included) is therefore never trusted: the file is
-- hashed again on the next run, which stores a later stat_at_ns, after which it is trusted
-- (the same rule as git's racy-clean index entries).
--
-- All five columns are NULL when unknown: rows of a version-1 database (their files are hashed once
-- more on the next run, which fills them in), a file that changed while it was being read, a path
-- added by `jixiao merge` (the other machine's stat says nothing about this one's files), and a
-- path pointed at another document by anything but a read of its file. Times are nanoseconds since
-- the Unix epoch, as the file system and this machine's clock (CLOCK_REALTIME) give them.
ALTER TABLE sources ADD COLUMN size INTEGER;        -- st_size, bytes
ALTER TABLE sources ADD COLUMN mtime_ns INTEGER;    -- st_mtim: content last written (can be set)
ALTER TABLE sources ADD COLUMN ctime_ns INTEGER;    -- st_ctim: inode last changed (cannot be set)
ALTER TABLE sources ADD COLUMN inode INTEGER;       -- st_ino: a file replaced by rename has a new one
ALTER TABLE sources ADD COLUMN stat_at_ns INTEGER;  -- this machine's clock just after the stat
