/** Keeps the last `limit` lines written to it (Postgres' log, for error messages). */
export class RecentLines {
  private readonly lines: string[] = [];

  constructor(private readonly limit: number) {}

  push(chunk: string): void {
    for (const line of chunk.split(/\r?\n/)) {
      if (line.trim() === "") continue;
      this.lines.push(line);
      if (this.lines.length > this.limit) this.lines.shift();
    }
  }

  text(): string {
    return this.lines.join("\n");
  }
}
