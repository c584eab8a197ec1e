// read/health: a trivial read that proves the store answers; params none
RETURN 1 AS ok
