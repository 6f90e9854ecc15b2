/**
 * The hub's dashboard page (served at `/dashboard/` by the custom WebSocket server): a worked
 * example of a custom-WS client, talking to the hub only through `@vmsc/custom-ws-client/browser`.
 */
import { render } from 'preact';
import { App } from './app.js';
import './dashboard.css';

render(<App />, document.getElementById('app')!);
