import { createHost } from '../../server/host';
import { tempDir } from '../support/host';

describe('restarting the host', () => {
  it('keeps the data, seeds the sample people only once and content only when it changed', async () => {
    const dataDir = tempDir('restart-');
    const first = createHost({ dataDir });
    await first.invoke('account', { action: 'setRegion', input: { town: 'guxi' } }, { openid: 'dev-learner' });
    await first.invoke('learn', { action: 'getLesson', input: { lessonId: 'anti-dv-01' } }, { openid: 'dev-learner' });
    const counters = first.store.candidates('counters', {}).length;
    first.close();

    const second = createHost({ dataDir });
    try {
      expect(second.store.get('users', 'dev-learner')?.doc.town).toBe('guxi');
      expect(second.store.candidates('counters', {})).toHaveLength(counters);
      expect(second.store.candidates('users', { role: 'admin' })).toHaveLength(1);
      expect(second.store.candidates('laws', {}).length).toBeGreaterThanOrEqual(5);
    } finally {
      second.close();
    }
  });
});
