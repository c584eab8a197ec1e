import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';

describe('loadConfig', () => {
  it('defaults to the embedded store in ./data on port 4000', () => {
    const config = loadConfig([], {});
    expect(config).toMatchObject({ store: 'embedded', port: 4000, dataDir: path.resolve('./data'), seedOnStart: true });
  });

  it('lets flags win over env vars', () => {
    const config = loadConfig(['--port', '4100', '--data-dir', ':memory:'], { PORT: '5000', DATA_DIR: '/tmp/x' });
    expect(config.port).toBe(4100);
    expect(config.dataDir).toBe(':memory:');
  });

  it('names the flag of a bad port', () => {
    expect(() => loadConfig(['--port', 'abc'], {})).toThrow(/port must be an integer.*'abc' from --port/);
    expect(() => loadConfig([], { PORT: '70000' })).toThrow(/'70000' from PORT/);
  });

  it('refuses an unknown store and an unknown flag', () => {
    expect(() => loadConfig(['--store', 'mysql'], {})).toThrow(ConfigError);
    expect(() => loadConfig(['--stor', 'neo4j'], {})).toThrow(/Known flags/);
  });

  it('asks for NEO4J_URI when the Neo4j store is chosen without one', () => {
    expect(() => loadConfig(['--store', 'neo4j'], {})).toThrow(/needs NEO4J_URI/);
    expect(loadConfig(['--store', 'neo4j'], { NEO4J_URI: 'neo4j://db:7687', NEO4J_PASSWORD: 'x' }).neo4j.uri).toBe('neo4j://db:7687');
  });
});
