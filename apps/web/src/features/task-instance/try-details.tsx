import { StateBadge } from "@/components/state-badge";
import { formatDateTime, formatDuration } from "@/lib/format-time";
import type { RouterOutputs } from "@/lib/trpc";
import { shellQuote } from "./shell-quote";

type Try = RouterOutputs["taskInstances"]["get"]["tries"][number];

/** One try: times, outcome, and what exactly was run (secret-looking env values arrive masked). */
export function TryDetails({ attempt }: { attempt: Try }) {
  const env = attempt.renderedEnv ? Object.entries(attempt.renderedEnv).sort(([a], [b]) => a.localeCompare(b)) : null;
  return (
    <div className="space-y-3" data-testid="try-details" data-try-number={attempt.tryNumber}>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium text-slate-600">State</dt>
        <dd>
          <StateBadge state={attempt.state} />
        </dd>
        <dt className="font-medium text-slate-600">Queued</dt>
        <dd>{formatDateTime(attempt.queuedAt)}</dd>
        <dt className="font-medium text-slate-600">Started</dt>
        <dd>
          {formatDateTime(attempt.startedAt)}
          {attempt.queuedAt && attempt.startedAt ? (
            <span className="text-slate-500"> (waited {formatDuration(attempt.queuedAt, attempt.startedAt)})</span>
          ) : null}
        </dd>
        <dt className="font-medium text-slate-600">Ended</dt>
        <dd>{formatDateTime(attempt.endedAt)}</dd>
        <dt className="font-medium text-slate-600">Duration</dt>
        <dd>{attempt.startedAt ? formatDuration(attempt.startedAt, attempt.endedAt) : "—"}</dd>
        <dt className="font-medium text-slate-600">Exit code</dt>
        <dd className="font-mono" data-testid="try-exit-code">
          {attempt.exitCode ?? "—"}
        </dd>
        {attempt.hostname ? (
          <>
            <dt className="font-medium text-slate-600">Host</dt>
            <dd className="font-mono text-xs">{attempt.hostname}</dd>
          </>
        ) : null}
        {attempt.message ? (
          <>
            <dt className="font-medium text-slate-600">Message</dt>
            <dd>{attempt.message}</dd>
          </>
        ) : null}
      </dl>

      <div>
        <h4 className="text-sm font-medium text-slate-600">Rendered command</h4>
        {attempt.renderedCommand ? (
          <pre className="mt-1 rounded-md bg-slate-900 p-2 font-mono text-xs break-all whitespace-pre-wrap text-slate-100" data-testid="rendered-command">
            {shellQuote(attempt.renderedCommand)}
          </pre>
        ) : (
          <p className="text-xs text-slate-500">Not recorded (the try did not launch).</p>
        )}
      </div>

      {env ? (
        <div>
          <h4 className="text-sm font-medium text-slate-600">
            Environment <span className="font-normal text-slate-500">— values of secret-looking names are shown as ***</span>
          </h4>
          {env.length === 0 ? (
            <p className="text-xs text-slate-500">No variables set by the DAG.</p>
          ) : (
            <table className="mt-1 text-left font-mono text-xs" data-testid="rendered-env">
              <tbody className="divide-y divide-slate-100">
                {env.map(([name, value]) => (
                  <tr key={name}>
                    <th scope="row" className="py-0.5 pr-3 align-top font-medium whitespace-nowrap">
                      {name}
                    </th>
                    <td className="py-0.5 break-all text-slate-700">{value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ) : null}
    </div>
  );
}
