declare module 'cytoscape-elk' {
  import type { Ext } from 'cytoscape';
  const extension: Ext;
  export default extension;
}
