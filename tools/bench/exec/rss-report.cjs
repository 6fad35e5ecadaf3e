// Preloaded with `node -r` by the benchmarks: prints the process's peak resident memory to stderr
// when it exits, as a line `__maxrss_kib <n>`.
process.on('exit', () => {
  process.stderr.write(`\n__maxrss_kib ${process.resourceUsage().maxRSS}\n`);
});
