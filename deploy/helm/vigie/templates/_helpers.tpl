{{- define "vigie.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "vigie.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "vigie.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "vigie.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/* Selector of one service's pods: call with (dict "root" $ "name" "ingest"). */}}
{{- define "vigie.selector" -}}
app.kubernetes.io/name: {{ include "vigie.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{- define "vigie.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{- define "vigie.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- .Values.serviceAccount.name | default (include "vigie.fullname" .) -}}
{{- else -}}
{{- .Values.serviceAccount.name | default "default" -}}
{{- end -}}
{{- end -}}

{{/* ConfigMap keys cannot hold "/": policies/acme.yaml is stored as policies__acme.yaml. */}}
{{- define "vigie.configKey" -}}
{{- . | replace "/" "__" -}}
{{- end -}}

{{- define "vigie.configChecksum" -}}
{{- toYaml .Values.config.files | sha256sum -}}
{{- end -}}

{{/* Kafka and PostgreSQL settings shared by the services and the hook Jobs. */}}
{{- define "vigie.commonEnv" -}}
- name: VIGIE_KAFKA_BOOTSTRAP
  value: {{ .Values.kafka.bootstrap | quote }}
- name: VIGIE_KAFKA_SECURITY_PROTOCOL
  value: {{ .Values.kafka.securityProtocol | quote }}
- name: VIGIE_KAFKA_SESSION_TIMEOUT_MS
  value: {{ .Values.kafka.sessionTimeoutMs | quote }}
{{- with .Values.kafka.sasl.mechanism }}
- name: VIGIE_KAFKA_SASL_MECHANISM
  value: {{ . | quote }}
{{- end }}
{{- with .Values.kafka.sasl.username }}
- name: VIGIE_KAFKA_SASL_USERNAME
  value: {{ . | quote }}
{{- end }}
{{- if .Values.kafka.sasl.passwordSecret.name }}
- name: VIGIE_KAFKA_SASL_PASSWORD_FILE
  value: /etc/vigie/kafka-sasl/{{ .Values.kafka.sasl.passwordSecret.key }}
{{- end }}
{{- if .Values.kafka.tls.caSecret.name }}
- name: VIGIE_KAFKA_SSL_CA_LOCATION
  value: /etc/vigie/kafka-ca/{{ .Values.kafka.tls.caSecret.key }}
{{- end }}
{{- if .Values.database.existingSecret }}
- name: VIGIE_DATABASE_URL_FILE
  value: /etc/vigie/database/{{ .Values.database.key }}
{{- end }}
- name: VIGIE_DATABASE_POOL_SIZE
  value: {{ .Values.database.poolSize | quote }}
- name: VIGIE_STATE_DIR
  value: /var/lib/vigie
- name: VIGIE_LOG_LEVEL
  value: {{ .Values.logLevel | quote }}
- name: VIGIE_LOG_FORMAT
  value: json
- name: VIGIE_DRAIN_TIMEOUT_SECONDS
  value: {{ .Values.drainTimeoutSeconds | quote }}
{{- with .Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "vigie.commonVolumeMounts" -}}
- name: state
  mountPath: /var/lib/vigie
- name: tmp
  mountPath: /tmp
{{- if .Values.kafka.sasl.passwordSecret.name }}
- name: kafka-sasl
  mountPath: /etc/vigie/kafka-sasl
  readOnly: true
{{- end }}
{{- if .Values.kafka.tls.caSecret.name }}
- name: kafka-ca
  mountPath: /etc/vigie/kafka-ca
  readOnly: true
{{- end }}
{{- if .Values.database.existingSecret }}
- name: database
  mountPath: /etc/vigie/database
  readOnly: true
{{- end }}
{{- end -}}

{{- define "vigie.commonVolumes" -}}
- name: state
  emptyDir:
    sizeLimit: {{ .Values.stateVolume.sizeLimit }}
- name: tmp
  emptyDir:
    sizeLimit: 64Mi
{{- if .Values.kafka.sasl.passwordSecret.name }}
- name: kafka-sasl
  secret:
    secretName: {{ .Values.kafka.sasl.passwordSecret.name }}
    items:
      - key: {{ .Values.kafka.sasl.passwordSecret.key }}
        path: {{ .Values.kafka.sasl.passwordSecret.key }}
{{- end }}
{{- if .Values.kafka.tls.caSecret.name }}
- name: kafka-ca
  secret:
    secretName: {{ .Values.kafka.tls.caSecret.name }}
    items:
      - key: {{ .Values.kafka.tls.caSecret.key }}
        path: {{ .Values.kafka.tls.caSecret.key }}
{{- end }}
{{- if .Values.database.existingSecret }}
- name: database
  secret:
    secretName: {{ .Values.database.existingSecret }}
    items:
      - key: {{ .Values.database.key }}
        path: {{ .Values.database.key }}
{{- end }}
{{- end -}}

{{/* A hook Job running one `vigie` command: call with (dict "root" $ "name" "migrate" "args" (list ...) "weight" "-5"). */}}
{{- define "vigie.hookJob" -}}
{{- $root := .root -}}
apiVersion: batch/v1
kind: Job
metadata:
  name: {{ include "vigie.fullname" $root }}-{{ .name }}
  labels:
    {{- include "vigie.labels" $root | nindent 4 }}
    app.kubernetes.io/component: {{ .name }}
  annotations:
    helm.sh/hook: pre-install,pre-upgrade
    helm.sh/hook-weight: {{ .weight | quote }}
    helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
spec:
  backoffLimit: {{ $root.Values.migrations.backoffLimit }}
  activeDeadlineSeconds: {{ $root.Values.migrations.activeDeadlineSeconds }}
  template:
    metadata:
      labels:
        {{- include "vigie.selector" (dict "root" $root "name" .name) | nindent 8 }}
    spec:
      restartPolicy: Never
      {{- with $root.Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- toYaml $root.Values.podSecurityContext | nindent 8 }}
      containers:
        - name: {{ .name }}
          image: {{ include "vigie.image" $root }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          args:
            {{- toYaml .args | nindent 12 }}
          env:
            {{- include "vigie.commonEnv" $root | nindent 12 }}
          securityContext:
            {{- toYaml $root.Values.securityContext | nindent 12 }}
          resources:
            requests: {cpu: 50m, memory: 128Mi}
            limits: {memory: 256Mi}
          volumeMounts:
            {{- include "vigie.commonVolumeMounts" $root | nindent 12 }}
      volumes:
        {{- include "vigie.commonVolumes" $root | nindent 8 }}
{{- end -}}
