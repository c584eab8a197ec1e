/** GraphQL documents shared by the explore API tests. */
export const SEARCH = `query ($text: String!, $kinds: [SearchKind!], $limit: Int) {
  search(text: $text, kinds: $kinds, limit: $limit) { kind id name shortName match context areas chains }
}`;
export const NEIGHBOURHOOD = `query ($id: ID!, $depth: Int, $filter: NeighbourhoodFilter, $limit: Int) {
  neighbourhood(id: $id, depth: $depth, filter: $filter, limit: $limit) {
    centerId depth truncated nodes { id label name properties } edges { id type source target properties }
  }
}`;
