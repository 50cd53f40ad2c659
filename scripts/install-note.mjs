#!/usr/bin/env node
// After `npm ci`: one line about the engine, instead of npm's EBADENGINE warning per package (silenced in .npmrc).
const ua = process.env.npm_config_user_agent ?? '';
const system = ua.match(/node\/v(\d+)\.(\d+)/);
if (system && Number(system[1]) < 22) {
  console.log(`说明：本机 Node v${system[1]}.${system[2]} 低于项目要求的 22；npm 脚本使用 npm ci 装入 node_modules 的 Node 22（devDependency "node"），无需另装。`);
}
