// read/auth/user-count: how many users exist (none: the first-run demo mode); params none
MATCH (u:User)
RETURN count(u) AS count
