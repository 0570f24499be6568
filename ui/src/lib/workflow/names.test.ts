// The Activity page shows resource names next to the IDs of runs and audit entries.
import { describe, expect, it } from 'vitest';
import { namesById, withNames } from './names';

const names = namesById(
  [{ id: 'eip-bp1vdcgzm41znfkjyd2x', name: 'free-a' }],
  [
    { id: 'eni-bp1lofjktg4dbzdlyxgp', name: 'web-01-data' },
    { id: 'eni-bp1unnamed0000000', name: '' },
  ],
  [{ id: 'i-bp1rqn8y8lb6iy5x5nne', name: 'web-01' }],
);

describe('resource names in text', () => {
  it('names every known ID and keeps the rest of the text', () => {
    expect(withNames('eip-bp1vdcgzm41znfkjyd2x 47.98.159.168 → eni-bp1lofjktg4dbzdlyxgp (cut-through), on i-bp1rqn8y8lb6iy5x5nne', names)).toEqual([
      { id: 'eip-bp1vdcgzm41znfkjyd2x', name: 'free-a' },
      { text: ' 47.98.159.168 → ' },
      { id: 'eni-bp1lofjktg4dbzdlyxgp', name: 'web-01-data' },
      { text: ' (cut-through), on ' },
      { id: 'i-bp1rqn8y8lb6iy5x5nne', name: 'web-01' },
    ]);
  });
  it('leaves unnamed and unknown IDs without a name', () => {
    expect(withNames('AllocationId=eip-bp1zzzzzzzzzzzz InstanceId=eni-bp1unnamed0000000', names)).toEqual([
      { text: 'AllocationId=' },
      { id: 'eip-bp1zzzzzzzzzzzz', name: null },
      { text: ' InstanceId=' },
      { id: 'eni-bp1unnamed0000000', name: null },
    ]);
  });
  it('does not take words that only look like IDs', () => {
    expect(withNames('cut-through in-use', names)).toEqual([{ text: 'cut-through in-use' }]);
  });
});
