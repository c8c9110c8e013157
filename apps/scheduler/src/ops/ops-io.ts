/** Where an ops command writes: stdout for progress, stderr for problems (tests capture both). */
export interface OpsIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: OpsIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};
