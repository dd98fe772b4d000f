// Defines <zhibiao-chart> and forwards its lifecycle to the wasm module. Everything else —
// drawing, layout, hit-testing, text, events — is Rust (src/web/).
export function defineElement(name, hooks) {
  if (customElements.get(name)) return false;
  customElements.define(name, class extends HTMLElement {
    static get observedAttributes() { return ['chart', 'lang', 'focus-point']; }
    connectedCallback() { hooks.connected(this); }
    disconnectedCallback() { hooks.disconnected(this); }
    attributeChangedCallback(attr, oldValue, newValue) {
      if (oldValue !== newValue && this.isConnected) hooks.changed(this, attr);
    }
  });
  return true;
}
