import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_KEY } from '../../shared/contract/bridge';
import { createBridge } from './bridge';

// Built as CommonJS (out/preload/index.cjs): a sandboxed preload cannot be an ES module.
contextBridge.exposeInMainWorld(BRIDGE_KEY, createBridge(ipcRenderer));
