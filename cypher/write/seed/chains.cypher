// write/seed/chains: merge Chain nodes by id and set their properties (aliases: other names users say, searchAliases: them normalised); params $rows
UNWIND $rows AS r
MERGE (c:Chain {id: r.id})
SET c.name = r.name, c.targetOutput = r.targetOutput,
    c.nameEn = r.nameEn, c.origin = r.origin, c.source = r.source, c.sourceText = r.sourceText,
    c.aliases = r.aliases, c.searchAliases = r.searchAliases
