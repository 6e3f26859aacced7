import { describe, expect, it } from 'vitest';
import { projectField, RoomInbox } from './room-inbox';

/** A socket's pushes, as far as the inbox sees them: listeners by event. */
const setup = () => {
  const listeners = new Map<string, ((raw: unknown) => void)[]>();
  const socket = {
    on: (event: string, l: (raw: unknown) => void) =>
      listeners.set(event, [...(listeners.get(event) ?? []), l]),
  };
  const inbox = new RoomInbox(() => socket, 'project:delta', projectField);
  const push = (project: string, version: number) =>
    listeners.get('project:delta')?.forEach((l) => l({ project, version }));
  return { inbox, push };
};

describe('RoomInbox', () => {
  it('hands pushes that arrived between the join and the first listener to it, in order', () => {
    const { inbox, push } = setup();
    inbox.expect('demo');
    push('demo', 1);
    push('other', 9);
    push('demo', 2);
    const got: unknown[] = [];
    inbox.listen(
      'demo',
      (d) => got.push(d),
      () => got.push('missed'),
    );
    push('demo', 3);
    expect(got).toEqual([
      { project: 'demo', version: 1 },
      { project: 'demo', version: 2 },
      { project: 'demo', version: 3 },
    ]);
  });

  it('keeps nothing for a room nobody joined, and nothing once the room is forgotten', () => {
    const { inbox, push } = setup();
    inbox.expect('left');
    push('demo', 1);
    inbox.forget('left');
    push('left', 2);
    const got: unknown[] = [];
    inbox.listen(
      'demo',
      (d) => got.push(d),
      () => got.push('missed'),
    );
    inbox.listen(
      'left',
      (d) => got.push(d),
      () => got.push('missed'),
    );
    expect(got).toEqual([]);
  });

  it('tells the listener to start over when more arrived than it keeps, instead of a gap', () => {
    const { inbox, push } = setup();
    inbox.expect('busy');
    for (let v = 1; v <= 501; v++) push('busy', v);
    const got: unknown[] = [];
    inbox.listen(
      'busy',
      (d) => got.push(d),
      () => got.push('missed'),
    );
    push('busy', 502);
    expect(got).toEqual(['missed', { project: 'busy', version: 502 }]);
  });

  it('stops handing pushes to a listener that left, and keeps none for a later one', () => {
    const { inbox, push } = setup();
    const got: unknown[] = [];
    const stop = inbox.listen(
      'demo',
      (d) => got.push(d),
      () => got.push('missed'),
    );
    push('demo', 1);
    stop();
    push('demo', 2);
    inbox.listen(
      'demo',
      (d) => got.push(d),
      () => got.push('missed'),
    );
    expect(got).toEqual([{ project: 'demo', version: 1 }]);
  });
});
