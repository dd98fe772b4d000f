// The package's JS entry: loads the wasm next to it, which defines <zhibiao-chart>.
import init from '../pkg/zhibiao.js';

await init({ module_or_path: new URL('../pkg/zhibiao_bg.wasm', import.meta.url) });
