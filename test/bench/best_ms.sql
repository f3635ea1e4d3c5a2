-- Shared by the benchmarks (included with \ir).

-- Best of n rounds of several statements, in milliseconds.  The statements
-- run interleaved within each round, so that drift in the machine's speed
-- hits all of them alike.  setups[j], if not NULL, runs untimed before qs[j].
CREATE FUNCTION pg_temp.best_ms(qs text[], n int, setups text[] DEFAULT NULL)
RETURNS float8[] LANGUAGE plpgsql AS $$
DECLARE
	best float8[] := array_fill('Infinity'::float8, ARRAY[cardinality(qs)]);
	t0 timestamptz;
BEGIN
	FOR i IN 1..n LOOP
		FOR j IN 1..cardinality(qs) LOOP
			IF setups IS NOT NULL AND setups[j] IS NOT NULL THEN
				EXECUTE setups[j];
			END IF;
			t0 := clock_timestamp();
			EXECUTE qs[j];
			best[j] := least(best[j], 1000 * extract(epoch FROM clock_timestamp() - t0));
		END LOOP;
	END LOOP;
	RETURN best;
END
$$;
