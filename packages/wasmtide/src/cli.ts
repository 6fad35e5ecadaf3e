export async function main(_argv: string[]): Promise<number> {
  console.error("wasmtide: no commands yet");
  return 1;
}
