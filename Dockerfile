# threadlab on Binder (mybinder.org builds this with repo2docker) or on any
# Docker host:
#
#   docker build -t threadlab . && docker run --rm -p 8888:8888 threadlab
#
# Stage 1 builds the kernel with the Go release that go.mod's `go` line names.
# Stage 2 is JupyterLab 4 (plus Notebook 7, which Binder also needs)
# with the kernel installed and the lessons in the home folder of the
# non-root user jovyan (UID 1000), as Binder requires.

FROM golang:1.26.8-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY main.go kernel.json ./
COPY kernel/ kernel/
COPY lessons/ lessons/
COPY runtime/ runtime/
RUN CGO_ENABLED=0 go build -trimpath -o /out/threadlab . && /out/threadlab version

FROM python:3.11-slim-bookworm

# Binder passes NB_USER and NB_UID as build arguments; these are its defaults.
ARG NB_USER=jovyan
ARG NB_UID=1000
ENV USER=${NB_USER} \
    NB_USER=${NB_USER} \
    NB_UID=${NB_UID} \
    HOME=/home/${NB_USER}

# JupyterLab at the version of the @jupyterlab packages that
# notebooks/jupyterlab/package.json pins, the page `make test-jupyterlab`
# renders the lessons with (notebooks/tests/test_dockerfile.py checks it).
RUN pip install --no-cache-dir "jupyterlab==4.6.6" "notebook>=7,<8" "jupyterhub>=4,<6"
RUN adduser --disabled-password --gecos "Default user" --uid ${NB_UID} ${NB_USER}

# The kernel binary, and its kernelspec in Python's sys.prefix (/usr/local in
# this image): /usr/local/share/jupyter/kernels/threadlab/kernel.json, a path
# Jupyter always searches. The build fails if Jupyter cannot see it.
COPY --from=build /out/threadlab /usr/local/bin/threadlab
RUN threadlab install --sys-prefix \
 && test -f /usr/local/share/jupyter/kernels/threadlab/kernel.json \
 && jupyter kernelspec list | grep -w threadlab

# The lessons, owned by the user so they can be edited and saved.
COPY --chown=${NB_USER}:${NB_USER} notebooks/*.ipynb ${HOME}/
COPY --chown=${NB_USER}:${NB_USER} notebooks/zh/*.ipynb ${HOME}/zh/

USER ${NB_USER}
WORKDIR ${HOME}
EXPOSE 8888
# JupyterLab opens on the index of the lessons (Binder's badge asks for the same page).
CMD ["jupyter", "lab", "--ip=0.0.0.0", "--port=8888", "--no-browser", \
     "--ServerApp.default_url=/lab/tree/00-index.ipynb"]
