// A minimal OpenAI stand-in for the gateway benchmark, run as its own process (so its CPU is not
// the gateway's): chat completions answered at once (JSON or SSE), and /audio/speech streaming a
// large body slowly. A body with `"user": "latency-<ms>"` is answered after that many ms (a
// provider's own time; the gateway passes the body on unchanged). Prints its port on IPC.
import { createServer } from 'node:http';

const usage = { prompt_tokens: 50, completion_tokens: 10, total_tokens: 60 };
const answer = JSON.stringify({
  id: 'chatcmpl-bench', object: 'chat.completion', created: 1, model: 'gpt-4o-mini',
  choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }], usage,
});
const AUDIO_BYTES = Number(process.env.AUDIO_BYTES ?? 5 * 1024 * 1024);
const AUDIO_CHUNK = Buffer.alloc(64 * 1024, 7);

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : {};
    if (req.url.endsWith('/chat/completions') && body.stream) {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: 'ok' } }] })}\n\n`);
      // The rest follows later: time to first byte is what is measured.
      setTimeout(() => {
        if (body.stream_options?.include_usage) res.write(`data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', choices: [], usage })}\n\n`);
        res.end('data: [DONE]\n\n');
      }, 20);
      return;
    }
    if (req.url.endsWith('/chat/completions')) {
      const latency = Number(/^latency-(\d+)$/.exec(body.user ?? '')?.[1] ?? 0);
      const send = () => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) });
        res.end(answer);
      };
      return latency > 0 ? void setTimeout(send, latency) : send();
    }
    if (req.url.endsWith('/audio/speech')) {
      res.writeHead(200, { 'content-type': 'audio/mpeg' });
      let sent = 0;
      const pump = () => {
        while (sent < AUDIO_BYTES) {
          sent += AUDIO_CHUNK.length;
          if (!res.write(AUDIO_CHUNK)) return void res.once('drain', pump);
        }
        res.end();
      };
      return pump();
    }
    res.writeHead(404).end();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
