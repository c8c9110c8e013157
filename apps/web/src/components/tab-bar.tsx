"use client";

/** A row of tabs; the panel is rendered by the caller (aria-controls points at `${id}-panel`). */
export function TabBar<T extends string>({
  id,
  tabs,
  current,
  onChange,
}: {
  id: string;
  tabs: ReadonlyArray<{ key: T; label: string }>;
  current: T;
  onChange: (key: T) => void;
}) {
  return (
    <div role="tablist" aria-label="DAG views" className="flex gap-1 border-b border-slate-200">
      {tabs.map((tab) => {
        const selected = tab.key === current;
        return (
          <button
            key={tab.key}
            id={`${id}-tab-${tab.key}`}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls={`${id}-panel`}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(tab.key)}
            onKeyDown={(e) => {
              const index = tabs.findIndex((t) => t.key === current);
              const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
              if (step === 0) return;
              e.preventDefault();
              const next = tabs[(index + step + tabs.length) % tabs.length];
              if (next) {
                onChange(next.key);
                document.getElementById(`${id}-tab-${next.key}`)?.focus();
              }
            }}
            className={`-mb-px border-b-2 px-4 py-2 text-sm font-medium ${
              selected ? "border-sky-700 text-sky-800" : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-700"
            }`}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
