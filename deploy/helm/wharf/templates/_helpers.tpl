{{/* "wharf" for a release named wharf (so ServiceAccount wharf in namespace wharf, as deploy/rbac). */}}
{{- define "wharf.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "wharf.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end -}}

{{- define "wharf.selector" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* The path Wharf serves under (from publicUrl), without a trailing slash; "" at the root. */}}
{{- define "wharf.basePath" -}}
{{- with .Values.publicUrl -}}
{{- (urlParse .).path | trimSuffix "/" -}}
{{- end -}}
{{- end -}}
