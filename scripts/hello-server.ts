// The framework's ceiling on this machine: an Express 5 app that answers one small JSON object, measured by
// `npm run bench` the same way as the service.
import express from 'express';

const app = express();
app.disable('x-powered-by');
app.post('/hello', express.json(), (_req, res) => {
  res.status(201).json({ hello: 'world' });
});
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(
    `${JSON.stringify({ msg: 'listening', port: typeof address === 'object' && address ? address.port : 0 })}\n`,
  );
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
