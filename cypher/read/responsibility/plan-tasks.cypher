// read/responsibility/plan-tasks: every Task of the plan in the graph (its number and name), for the responsibility view; params none
MATCH (t:Task)
RETURN t.id AS id, t.no AS no, t.name AS name
ORDER BY no, id
