import { describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../src/app/logger.js';

describe('logs', () => {
  it('are JSON lines with level and message, below the level dropped', () => {
    const lines: string[] = [];
    const log = createJsonLogger('info', (l) => lines.push(l));
    log.debug('hidden');
    log.info('asked', { entry: 'pod-probes' });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, msg: 'asked', entry: 'pod-probes' });
  });

  it('never contain tokens or secrets, by key or by shape', () => {
    const lines: string[] = [];
    const log = createJsonLogger('debug', (l) => lines.push(l));
    const discordLike = 'MTA4NzY1NDMyMTA5ODc2NTQzMg.GaBcDe.abcdefghijklmnopqrstuvwxyz0123';
    log.error('login failed with xoxb-1234-5678-abcdef', { token: 'xoxb-secret', signingSecret: 'shh', err: new Error(`bad token ${discordLike}`), url: 'xapp-1-A1-123-abc' });
    const text = lines.join('');
    for (const secret of ['xoxb-1234', 'xoxb-secret', 'shh', discordLike, 'xapp-1-A1']) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });
});
