import '@promise-global/ui/styles.css';
import './workspace.css';
import { mount } from 'svelte';
import App from './app.svelte';

const target = document.getElementById('app');
if (target) mount(App, { target });
