import { useEffect, useState } from 'preact/hooks';
import { Session } from './session.js';
import { Connectors } from './connectors.js';
import { Feed } from './feed.js';
import { Explanation, Rules } from './rules.js';
import { StatePanel } from './state-panel.js';
import { TestButtons } from './tests-panel.js';

/** Where the page keeps the admin token: this tab's session storage only, never the URL. */
const TOKEN_KEY = 'vmsc.dashboard.token';

function hubUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}

/** A token handed over in the fragment (`#token=…`, never sent to the server) is stored and removed from the URL. */
function takeFragmentToken(): string | undefined {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (!match) return undefined;
  history.replaceState(null, '', location.pathname + location.search);
  return decodeURIComponent(match[1]!);
}

function Login({ onLogin, problem }: { onLogin: (token: string) => void; problem: string | undefined }) {
  const [token, setToken] = useState('');
  return (
    <form
      class="login"
      onSubmit={(e) => {
        e.preventDefault();
        if (token.trim()) onLogin(token.trim());
      }}
    >
      <h1>VMSC dashboard</h1>
      <label>
        Admin token
        <input
          name="token"
          type="password"
          autocomplete="current-password"
          value={token}
          onInput={(e) => setToken((e.target as HTMLInputElement).value)}
        />
      </label>
      <button type="submit" class="button">
        Log in
      </button>
      {problem && (
        <p class="login__problem" role="alert">
          {problem}
        </p>
      )}
      <p class="muted">The token stays in this tab (session storage) and is sent only to this hub.</p>
    </form>
  );
}

function Dashboard({ session, onLogout }: { session: Session; onLogout: () => void }) {
  const [, redraw] = useState(0);
  const [now, setNow] = useState(Date.now());
  useEffect(() => session.onChange(() => redraw((n) => n + 1)), [session]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  const s = session.state;
  return (
    <div class="dashboard" data-session={s.status}>
      <header class="top">
        <h1>VMSC</h1>
        <span class={`hub hub--${s.status}`}>{s.status === 'open' ? 'hub connected' : s.status}</span>
        <button type="button" class="button button--small" onClick={onLogout}>
          Log out
        </button>
      </header>
      {s.problem && <p class="banner">{s.problem}</p>}
      {s.notice && (
        <p class="banner banner--error" role="alert">
          {s.notice}
        </p>
      )}
      <Connectors session={session} connectors={s.connectors} now={now} />
      <div class="columns">
        <Feed session={session} events={s.events} dedupes={s.dedupes} />
        <div class="side">
          {s.explained && <Explanation session={session} explained={s.explained} />}
          <Rules session={session} rules={s.rules} runs={s.runs} counts={s.runCounts} />
          <TestButtons session={session} catalogue={s.catalogue} />
          <StatePanel session={session} state={s.state} />
        </div>
      </div>
    </div>
  );
}

/** The page: the login form, then the dashboard of one session. */
export function App() {
  const [session, setSession] = useState<Session | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const login = async (token: string) => {
    const next = new Session(hubUrl(), token);
    try {
      await next.start();
      sessionStorage.setItem(TOKEN_KEY, token);
      setProblem(undefined);
      next.onChange(() => {
        if (next.state.status === 'ended') {
          sessionStorage.removeItem(TOKEN_KEY);
          setProblem(next.state.problem);
          setSession(undefined);
        }
      });
      setSession(next);
    } catch (error) {
      sessionStorage.removeItem(TOKEN_KEY);
      setProblem((error as Error).message);
    }
  };
  useEffect(() => {
    const token = takeFragmentToken() ?? sessionStorage.getItem(TOKEN_KEY) ?? undefined;
    if (token) void login(token);
  }, []);
  if (!session) return <Login onLogin={(token) => void login(token)} problem={problem} />;
  return <Dashboard session={session} onLogout={() => session.end()} />;
}
