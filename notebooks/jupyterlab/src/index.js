// threadlab's JupyterLab 4 page: JupyterLab's own notebook widget, output
// area, renderers, sanitizer and stylesheets, wired to a Jupyter server
// through @jupyterlab/services, without the application shell.
//
//   index.html?token=T                      the lessons in the server's root
//   index.html?token=T&path=02-race.ipynb   one notebook (&theme=dark)
//
// window.threadlab is the handle the browser test drives (run all cells,
// read the kernel's state); a learner uses the toolbar or Shift-Enter.
import '@jupyterlab/notebook/style/index.js';
import './page.css';

import { Sanitizer, Toolbar, ToolbarButton } from '@jupyterlab/apputils';
import {
  CodeMirrorEditorFactory,
  CodeMirrorMimeTypeService,
  EditorExtensionRegistry,
  EditorLanguageRegistry,
  EditorThemeRegistry
} from '@jupyterlab/codemirror';
import { PageConfig } from '@jupyterlab/coreutils';
import { DocumentManager } from '@jupyterlab/docmanager';
import { DocumentRegistry } from '@jupyterlab/docregistry';
import { createMarkdownParser } from '@jupyterlab/markedparser-extension';
import {
  NotebookActions,
  NotebookModelFactory,
  NotebookPanel,
  NotebookWidgetFactory,
  StaticNotebook,
  runCell,
  setCellExecutor
} from '@jupyterlab/notebook';
import {
  MimeModel,
  RenderMimeRegistry,
  standardRendererFactories
} from '@jupyterlab/rendermime';
import { ServerConnection, ServiceManager, UserManager } from '@jupyterlab/services';
import { Signal, Stream } from '@lumino/signaling';
import { BoxPanel, Widget } from '@lumino/widgets';

const query = new URLSearchParams(location.search);
const theme = document.documentElement.dataset.threadlabTheme || 'light';

// The page is served from <base>static/<dir>/index.html.
function baseUrl() {
  const at = location.pathname.indexOf('/static/');
  return location.origin + (at >= 0 ? location.pathname.slice(0, at + 1) : '/');
}

function editorServices() {
  const languages = new EditorLanguageRegistry();
  for (const language of EditorLanguageRegistry.getDefaultLanguages()) {
    languages.addLanguage(language);
  }
  const themes = new EditorThemeRegistry();
  for (const t of EditorThemeRegistry.getDefaultThemes()) {
    themes.addTheme(t);
  }
  const extensions = new EditorExtensionRegistry();
  for (const factory of EditorExtensionRegistry.getDefaultExtensions({ themes })) {
    extensions.addExtension(factory);
  }
  return {
    languages,
    factory: new CodeMirrorEditorFactory({ extensions, languages }),
    mimeTypes: new CodeMirrorMimeTypeService(languages)
  };
}

// Debian 12's jupyter_server 1 has neither an event bus (/api/events),
// which JupyterLab's EventManager would keep reconnecting to, nor an
// identity API (/api/me). On such a server the page has no events and one
// local user.
function noEventBus(serverSettings) {
  const manager = {
    serverSettings,
    isDisposed: false,
    dispose() { manager.isDisposed = true; },
    emit: () => Promise.reject(new Error('this Jupyter server has no event bus'))
  };
  manager.stream = new Stream(manager);
  return manager;
}

function localUser(serverSettings) {
  const identity = {
    username: 'learner', name: 'learner', display_name: 'learner',
    initials: 'L', color: 'var(--jp-collaborator-color1)'
  };
  return new UserManager({
    serverSettings,
    userApiClient: { serverSettings, get: async () => ({ identity, permissions: {} }) }
  });
}

async function serverMajorVersion(settings) {
  const reply = await ServerConnection.makeRequest(settings.baseUrl + 'api', {}, settings);
  const { version } = await reply.json();
  return parseInt(String(version).split('.')[0], 10);
}

function toolbarButton(label, tooltip, onClick) {
  return new ToolbarButton({ label, tooltip, onClick });
}

// Every code cell as the test reads it: the model's view, next to the DOM
// the test inspects (cell i is panel.content.widgets[i]).
function codeCells(panel) {
  return panel.content.widgets
    .map((c, index) => ({ c, index }))
    .filter(({ c }) => c.model.type === 'code')
    .map(({ c, index }) => ({
      index,
      tags: c.model.getMetadata('tags') || [],
      count: c.model.executionCount,
      running: c.model.executionState === 'running',
      trusted: c.model.trusted,
      outputs: c.model.outputs.toJSON().map(o => o.output_type)
    }));
}

// Kernel status as the test and the toolbar read it.
function kernelState(panel) {
  const sc = panel.sessionContext;
  const cells = panel.content.widgets.filter(c => c.model.type === 'code');
  return {
    ready: sc.isReady,
    kernel: sc.session?.kernel?.name ?? null,
    status: sc.kernelDisplayStatus,
    cells: cells.length,
    pending: cells.filter(c => {
      const n = c.model.executionCount;
      return n === null || c.model.executionState === 'running';
    }).length,
    running: cells.filter(c => c.model.executionState === 'running').length,
    errors: cells
      .map((c, i) => [i, c.model.outputs.toJSON().find(o => o.output_type === 'error')])
      .filter(([, e]) => e)
      .map(([i, e]) => `code cell ${i}: ${e.ename}: ${String(e.evalue).slice(0, 300)}`)
  };
}

async function main() {
  // JupyterLab's notebook plugin registers the same default executor.
  setCellExecutor({ runCell });
  const token = query.get('token') || PageConfig.getToken();
  const serverSettings = ServerConnection.makeSettings({
    baseUrl: baseUrl(),
    token,
    appendToken: true
  });
  const old = (await serverMajorVersion(serverSettings)) < 2;
  const manager = new ServiceManager({
    serverSettings,
    ...(old ? { events: noEventBus(serverSettings), user: localUser(serverSettings) } : {})
  });
  await manager.ready;

  const editors = editorServices();
  const rendermime = new RenderMimeRegistry({
    initialFactories: standardRendererFactories,
    sanitizer: new Sanitizer(),
    markdownParser: createMarkdownParser(editors.languages)
  });

  const registry = new DocumentRegistry();
  registry.addModelFactory(new NotebookModelFactory({}));
  const factory = new NotebookWidgetFactory({
    name: 'Notebook',
    modelName: 'notebook',
    fileTypes: ['notebook'],
    defaultFor: ['notebook'],
    preferKernel: true,
    canStartKernel: true,
    rendermime,
    contentFactory: new NotebookPanel.ContentFactory({
      editorFactory: editors.factory.newInlineEditor
    }),
    mimeTypeService: editors.mimeTypes,
    // Every cell stays in the DOM, so the page can be checked (and
    // printed) whole; JupyterLab's default only lays out visible cells.
    notebookConfig: { ...StaticNotebook.defaultNotebookConfig, windowingMode: 'none' }
  });
  registry.addWidgetFactory(factory);

  const shell = new BoxPanel({ direction: 'top-to-bottom', spacing: 0 });
  shell.id = 'threadlab-lab';
  Widget.attach(shell, document.body);
  window.addEventListener('resize', () => shell.update());

  const opener = {
    opened: new Signal({}),
    open(widget) {
      shell.addWidget(widget);
      BoxPanel.setStretch(widget, 1);
      this.opened.emit(widget);
    }
  };
  const docs = new DocumentManager({ registry, manager, opener });
  document.body.dataset.jpThemeLight = String(theme === 'light');
  document.body.dataset.jpThemeName = theme === 'light' ? 'JupyterLab Light' : 'JupyterLab Dark';

  const path = query.get('path');
  if (!path) {
    window.threadlab = { listing: true };
    await listNotebooks(manager, shell, token);
    return;
  }
  const panel = docs.open(path);
  const nb = panel.content;
  await panel.context.ready;

  const sc = panel.sessionContext;
  const toolbar = new Toolbar();
  toolbar.addClass('threadlab-toolbar');
  toolbar.addItem('run', toolbarButton('▶ Run', 'Run the cell and go to the next (Shift-Enter)',
    () => NotebookActions.runAndAdvance(nb, sc)));
  toolbar.addItem('runall', toolbarButton('Run all', 'Run every cell',
    () => NotebookActions.runAll(nb, sc)));
  toolbar.addItem('restart', toolbarButton('Restart & run all', 'Restart the kernel, then run every cell',
    async () => { await sc.session?.kernel?.restart(); await NotebookActions.runAll(nb, sc); }));
  toolbar.addItem('interrupt', toolbarButton('■ Interrupt', 'Interrupt the kernel',
    () => sc.session?.kernel?.interrupt()));
  toolbar.addItem('save', toolbarButton('Save', 'Save the notebook',
    () => panel.context.save()));
  const other = theme === 'light' ? 'dark' : 'light';
  toolbar.addItem('theme', toolbarButton(other + ' theme', 'Reload in the ' + other + ' theme', () => {
    query.set('theme', other);
    location.search = query.toString();
  }));
  toolbar.addItem('spacer', Toolbar.createSpacerItem());
  const status = new Widget();
  status.addClass('threadlab-status');
  toolbar.addItem('status', status);
  panel.toolbar.addItem('threadlab', toolbar);
  sc.statusChanged.connect(() => {
    status.node.textContent = `${sc.kernelDisplayName}: ${sc.kernelDisplayStatus}`;
  });

  // Shift-Enter as in JupyterLab, whether a cell's editor has the focus or not.
  document.addEventListener('keydown', event => {
    if (event.key === 'Enter' && event.shiftKey && !event.ctrlKey && !event.altKey) {
      event.preventDefault();
      event.stopPropagation();
      void NotebookActions.runAndAdvance(nb, sc);
    }
  }, true);

  await sc.ready;
  window.threadlab = {
    panel,
    state: () => kernelState(panel),
    cells: () => codeCells(panel),
    cellNode: i => panel.content.widgets[i].node,
    // Runs every cell as JupyterLab's "Run All" does; resolves, to Run
    // All's result, when every cell's reply is in. Run All alone settles
    // at the first error reply, even one of a cell tagged raises-exception,
    // and marks the cells still queued in the kernel idle, while the kernel
    // goes on to run them.
    runAll: async () => {
      const done = NotebookActions.runAll(nb, sc);
      // Each cell's future is set synchronously by the call above.
      const replies = nb.widgets
        .filter(c => c.model.type === 'code' && c.outputArea.future)
        .map(c => c.outputArea.future.done.catch(() => null));
      const ok = await done;
      await Promise.all(replies);
      return ok;
    },
    // Draws one MIME type of cell `index`'s last output with JupyterLab's
    // renderer for it, as trusted or untrusted output, in a box after the
    // notebook; resolves to the box.
    renderOutput: async (index, mime, trusted) => {
      const outputs = panel.content.widgets[index].model.outputs;
      const data = outputs.get(outputs.length - 1).data;
      const renderer = rendermime.createRenderer(mime);
      await renderer.renderModel(new MimeModel({ data: { [mime]: data[mime] }, trusted }));
      const box = document.createElement('div');
      box.className = 'threadlab-rendered jp-OutputArea-output';
      box.appendChild(renderer.node);
      nb.node.appendChild(box);
      return box;
    },
    save: () => panel.context.save()
  };
}

async function listNotebooks(manager, shell, token) {
  const listing = await manager.contents.get('', { content: true });
  const box = new Widget();
  box.addClass('threadlab-listing');
  box.addClass('jp-RenderedHTMLCommon');
  const h = document.createElement('h1');
  h.textContent = 'threadlab lessons';
  box.node.appendChild(h);
  const ul = document.createElement('ul');
  for (const item of listing.content.filter(i => i.type === 'notebook').sort((a, b) => a.name.localeCompare(b.name))) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    const q = new URLSearchParams({ path: item.path, theme });
    if (token) q.set('token', token);
    a.href = '?' + q.toString();
    a.textContent = item.name;
    li.appendChild(a);
    ul.appendChild(li);
  }
  box.node.appendChild(ul);
  shell.addWidget(box);
}

main().catch(err => {
  console.error(err);
  window.threadlab = { failed: String(err && err.stack || err) };
  document.body.textContent = 'threadlab page failed: ' + err;
});
