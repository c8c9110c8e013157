/** An error in small red text next to a control (role alert); nothing when there is none. */
export function InlineError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <span role="alert" className="text-xs text-red-700">
      {error}
    </span>
  );
}
