import { describe, expect, it } from 'vitest';
import { SseSplitter } from './sse.js';

describe('SseSplitter', () => {
  it('yields whole events as their blank line arrives, byte for byte, whatever the chunking', () => {
    const text = 'data: {"a":1}\n\nevent: response.completed\ndata: {"b":\ndata: 2}\n\n: keep-alive\n\ndata: [DONE]\r\n\r\n';
    const bytes = Buffer.from(text, 'utf8');
    for (const size of [1, 2, 5, 13, bytes.length]) {
      const splitter = new SseSplitter();
      const events = [];
      for (let i = 0; i < bytes.length; i += size) events.push(...splitter.push(bytes.subarray(i, i + size)));
      expect(Buffer.concat(events.map((e) => e.raw)).toString('utf8')).toBe(text);
      expect(events.map((e) => e.data)).toEqual(['{"a":1}', '{"b":\n2}', null, '[DONE]']);
      expect(splitter.rest()).toBeNull();
    }
  });

  it('keeps an unfinished last event for rest()', () => {
    const splitter = new SseSplitter();
    expect(splitter.push(Buffer.from('data: {"a":1}\n\ndata: {"cut'))).toHaveLength(1);
    expect(splitter.rest()!.raw.toString()).toBe('data: {"cut');
  });
});
