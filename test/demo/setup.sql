-- The demo's session: the extension, and psql's table style.
\pset footer off
SET client_min_messages = warning;
CREATE EXTENSION trade_stats;
