--
-- Every user-facing member of the extension has a COMMENT.  Functions that
-- only implement something else (type I/O, operators and their
-- selectivity, aggregate and operator-class support, typanalyze, triggers)
-- are not user-facing.
--
WITH member AS (
	SELECT d.classid, d.objid
	FROM pg_depend d
	JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'trade_stats'
	WHERE d.deptype = 'e'
), support AS (
	SELECT typinput AS oid FROM pg_type UNION SELECT typoutput FROM pg_type
	UNION SELECT typreceive FROM pg_type UNION SELECT typsend FROM pg_type
	UNION SELECT typanalyze FROM pg_type UNION SELECT oprcode FROM pg_operator
	UNION SELECT oprrest FROM pg_operator UNION SELECT oprjoin FROM pg_operator
	UNION SELECT aggtransfn FROM pg_aggregate UNION SELECT aggfinalfn FROM pg_aggregate
	UNION SELECT aggcombinefn FROM pg_aggregate UNION SELECT aggmtransfn FROM pg_aggregate
	UNION SELECT aggminvtransfn FROM pg_aggregate UNION SELECT aggmfinalfn FROM pg_aggregate
	UNION SELECT amproc FROM pg_amproc
	UNION SELECT oid FROM pg_proc WHERE prorettype = 'trigger'::regtype
)
SELECT pg_describe_object(classid, objid, 0) AS without_comment
FROM member
WHERE obj_description(objid, classid::regclass::name) IS NULL
  AND classid IN ('pg_proc'::regclass, 'pg_operator'::regclass, 'pg_type'::regclass,
				  'pg_class'::regclass, 'pg_namespace'::regclass, 'pg_cast'::regclass)
  AND NOT (classid = 'pg_proc'::regclass AND objid IN (SELECT oid FROM support))
  AND NOT (classid = 'pg_class'::regclass AND objid IN (SELECT oid FROM pg_class WHERE relkind = 'S'))
  AND NOT (classid = 'pg_type'::regclass AND objid IN (SELECT oid FROM pg_type WHERE typrelid <> 0 OR typelem <> 0))
ORDER BY 1;
