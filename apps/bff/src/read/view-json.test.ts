import { describe, expect, it } from 'vitest';
import { Decoder, PacketType, type Packet } from 'socket.io-parser';
import { jsonPackets } from '../live/json-packets.js';
import { keepJson, toJson } from './view-json.js';

const view = () =>
  keepJson({ name: 'prod', phase: 'Ready', health: { status: 'Healthy', issues: [] } });

describe('JSON assembled from kept view texts', () => {
  it('writes exactly what JSON.stringify writes, kept views and all', () => {
    const value = {
      items: [view(), view()],
      empty: [],
      skipped: undefined,
      holes: [undefined, () => 1, null, 1.5, 'a"b\n', true],
      nested: { at: new Date(0), n: -0, inf: Infinity },
    };
    expect(toJson(value)).toBe(JSON.stringify(value));
  });

  it("takes a kept view's text as written when kept, so it is not serialised again", () => {
    const v = view();
    Object.defineProperty(v, 'phase', {
      get: () => {
        throw new Error('serialised again');
      },
    });
    expect(JSON.parse(toJson({ items: [v] }))).toEqual({
      items: [{ name: 'prod', phase: 'Ready', health: { status: 'Healthy', issues: [] } }],
    });
  });

  it("socket packets written from kept texts decode with socket.io's own decoder to the same data", () => {
    const data = [{ data: { mode: 'snapshot', snapshot: { project: 'p', stages: [view()] } } }];
    const packet: Packet = { type: PacketType.ACK, nsp: '/', id: 7, data };
    const [text] = new jsonPackets.Encoder().encode(packet);
    const decoded = new Promise<Packet>((resolve) => {
      const d = new Decoder();
      d.on('decoded', resolve);
      d.add(text);
    });
    return expect(decoded).resolves.toEqual({ ...packet, data: JSON.parse(JSON.stringify(data)) });
  });
});
