import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { session } from './lib/stores/session.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('missing #app element');

// The first table waits for the session (profile, regions), then for its load: ask the
// backend now, so those round trips run while the shell below is built and painted.
void session.load();

export default mount(App, { target });
