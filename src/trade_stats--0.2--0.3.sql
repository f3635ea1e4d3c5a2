/* trade_stats--0.2--0.3.sql: upgrade from 0.2 to 0.3 */

\echo Use "ALTER EXTENSION trade_stats UPDATE TO '0.3'" to load this file. \quit
