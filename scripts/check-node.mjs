// npm scripts run under node_modules/.bin/node (the registry's Node 22); say so plainly if that went wrong.
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  console.error(`需要 Node ≥ 22，当前为 ${process.version}。请运行 npm ci（会从 npm 仓库安装 node@22 到 node_modules）。`);
  process.exit(1);
}
